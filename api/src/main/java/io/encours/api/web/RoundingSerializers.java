package io.encours.api.web;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/** Jackson serializers behind {@link Amount}, {@link Days} and {@link Rate}. */
public final class RoundingSerializers {

    private RoundingSerializers() {
    }

    abstract static class Rounded extends ValueSerializer<Number> {
        private final int decimals;

        Rounded(int decimals) {
            this.decimals = decimals;
        }

        @Override
        public void serialize(Number value, JsonGenerator gen, SerializationContext ctxt) {
            // Only a double or a float can be NaN or infinite: BigDecimal.doubleValue() parses a
            // string, a cost on every figure of every response.
            if ((value instanceof Double || value instanceof Float) && !Double.isFinite(value.doubleValue())) {
                gen.writeNull();
                return;
            }
            gen.writeNumber(Rounding.round(value, decimals));
        }
    }

    public static final class TwoDecimals extends Rounded {
        public TwoDecimals() {
            super(2);
        }
    }

    public static final class FourDecimals extends Rounded {
        public FourDecimals() {
            super(4);
        }
    }
}
