package org.vigie.engine.fact;

/** Vaccine codes of the contract; extend here and in the terminology documentation together. */
public enum Vaccine {
    FLU, COVID, DTP, DTCAP, HPV, PNEUMO, ZOSTER, RSV, MMR
}
