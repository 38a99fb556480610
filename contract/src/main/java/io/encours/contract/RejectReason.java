package io.encours.contract;

/**
 * Reject reason codes, in the order of DATA-CONTRACT.md's bad-input table: a row that breaks
 * several rules gets the first that applies in this order.
 */
public enum RejectReason {
    MISSING_REQUIRED,
    BAD_ENUM,
    BAD_AMOUNT,
    BAD_DATE_ORDER,
    FUTURE_DATE,
    DUPLICATE_ID,
    UNKNOWN_REFERENCE,
    PARENT_REJECTED,
    MISSING_FX_RATE
}
