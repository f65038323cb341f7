package org.vigie.engine.fact;

/** Relation of a relative in the family history. */
public enum Relation {
    FIRST_DEGREE, SECOND_DEGREE
}
