package io.encours.contract;

/** The Parquet logical types the contract declares. */
public enum ColumnType {
    STRING,
    DATE,
    INT32,
    BOOLEAN,
    /** DECIMAL(18,2): every amount. */
    AMOUNT,
    /** DECIMAL(18,8): exchange rates. */
    RATE;

    public int precision() {
        return this == AMOUNT || this == RATE ? 18 : 0;
    }

    public int scale() {
        return switch (this) {
            case AMOUNT -> 2;
            case RATE -> 8;
            default -> 0;
        };
    }

    /** The type as written in DATA-CONTRACT.md, for error messages. */
    public String contractName() {
        return switch (this) {
            case AMOUNT, RATE -> "DECIMAL(" + precision() + "," + scale() + ")";
            default -> name();
        };
    }
}
