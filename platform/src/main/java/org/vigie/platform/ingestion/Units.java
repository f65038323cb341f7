package org.vigie.platform.ingestion;

import java.util.Map;

/**
 * UCUM unit conversions for the measures Vigie stores: records from the United States weigh in pounds
 * and measure in inches, laboratories give HbA1c in IFCC mmol/mol and glucose in mg/dL or mmol/L.
 * Only conversions within one dimension; anything else is not converted.
 */
final class Units {

    private Units() {
    }

    private record Key(String from, String to) {
    }

    private static final double POUND_KG = 0.45359237;
    private static final double INCH_CM = 2.54;
    /** Glucose: 1 mmol/L = 0.18016 g/L (molar mass 180.16 g/mol). */
    private static final double GLUCOSE_MMOL_L_G_L = 0.18016;

    private static final Map<Key, java.util.function.DoubleUnaryOperator> CONVERSIONS = Map.of(
            new Key("[lb_av]", "kg"), v -> v * POUND_KG,
            new Key("g", "kg"), v -> v / 1000,
            new Key("[in_i]", "cm"), v -> v * INCH_CM,
            new Key("m", "cm"), v -> v * 100,
            new Key("mm", "cm"), v -> v / 10,
            // NGSP/DCCT % from IFCC mmol/mol (master equation: NGSP = 0.09148 x IFCC + 2.152)
            new Key("mmol/mol", "%"), v -> 0.09148 * v + 2.152,
            new Key("mg/dL", "g/L"), v -> v / 100,
            new Key("mmol/L", "g/L"), v -> v * GLUCOSE_MMOL_L_G_L,
            new Key("kg/m²", "kg/m2"), v -> v);

    /** The value in {@code to}, or {@code null} when {@code from} cannot be converted to it. */
    static Double convert(double value, String from, String to) {
        if (from.equals(to)) return value;
        var conversion = CONVERSIONS.get(new Key(from, to));
        // two decimals: a converted pound is not a measurement to the microgram
        return conversion == null ? null : Math.round(conversion.applyAsDouble(value) * 100) / 100.0;
    }
}
