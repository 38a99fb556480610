package io.encours.samples.rows;

import static java.util.Objects.requireNonNull;

import io.encours.contract.Contract;
import io.encours.contract.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One daily conversion rate to EUR. */
public record FxRateRow(String currency, LocalDate rateDate, BigDecimal eurPerUnit)
        implements ContractRow {
    public FxRateRow {
        requireNonNull(currency, "currency");
        requireNonNull(rateDate, "rateDate");
        requireNonNull(eurPerUnit, "eurPerUnit");
    }

    @Override
    public Table table() {
        return Contract.FX_RATES;
    }

    @Override
    public Object[] values() {
        return new Object[] {currency, rateDate, eurPerUnit};
    }
}
