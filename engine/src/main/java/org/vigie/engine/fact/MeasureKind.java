package org.vigie.engine.fact;

/** Health measures the holder or a professional records. */
public enum MeasureKind {
    WEIGHT_KG, HEIGHT_CM, BMI, WAIST_CM, SYSTOLIC_MMHG, DIASTOLIC_MMHG, HBA1C_PERCENT, HEART_RATE_BPM, BLOOD_GLUCOSE_G_L
}
