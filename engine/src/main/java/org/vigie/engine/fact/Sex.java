package org.vigie.engine.fact;

/** Administrative sex as the contract carries it. */
public enum Sex {
    F, M
}
