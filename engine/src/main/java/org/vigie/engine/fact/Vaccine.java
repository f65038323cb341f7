package org.vigie.engine.fact;

/**
 * Vaccine codes of the contract; extend here and in the terminology documentation together.
 * A code names a product family whenever the recommendations treat products differently:
 * {@code ZOSTER} is a dose of the recombinant vaccine (Shingrix) and {@code ZOSTER_LIVE} one of the
 * live attenuated vaccine (Zostavax), which does not count in the Shingrix schedule; {@code DTP} and
 * {@code DTCAP} contain poliomyelitis, {@code DT} (tetanus-diphtheria, Td) and {@code DTCA}
 * (with acellular pertussis, Tdap) do not.
 */
public enum Vaccine {
    FLU, COVID, DTP, DTCAP, DT, DTCA, HPV, PNEUMO, ZOSTER, ZOSTER_LIVE, RSV, MMR
}
