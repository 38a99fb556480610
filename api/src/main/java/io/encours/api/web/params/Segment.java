package io.encours.api.web.params;

/** Debtor segments ({@code dim_debtors.segment}); the {@code segment} filter. */
public enum Segment { KEY_ACCOUNT, SME, MICRO, PUBLIC }
