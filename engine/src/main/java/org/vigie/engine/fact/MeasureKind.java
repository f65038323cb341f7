package org.vigie.engine.fact;

/** Health measures the holder or a professional records. */
public enum MeasureKind {
    WEIGHT_KG, HEIGHT_CM, BMI, WAIST_CM, SYSTOLIC_MMHG, DIASTOLIC_MMHG, HBA1C_PERCENT, HEART_RATE_BPM, BLOOD_GLUCOSE_G_L;

    /**
     * The largest value a measure of this kind can take: beyond it the value is in another unit or a
     * typo (a weight in grams, a glucose in mg/dL). Every kind is a positive quantity: a value is
     * above 0 and at most this.
     */
    public double maximum() {
        return switch (this) {
            case WEIGHT_KG -> 700;
            case HEIGHT_CM -> 300;
            case BMI -> 250;
            case WAIST_CM -> 400;
            case SYSTOLIC_MMHG -> 400;
            case DIASTOLIC_MMHG -> 300;
            case HBA1C_PERCENT -> 100;
            case HEART_RATE_BPM -> 600;
            case BLOOD_GLUCOSE_G_L -> 50;
            default -> Double.MAX_VALUE;
        };
    }
}
