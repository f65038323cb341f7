package org.vigie.engine.campaign;

/**
 * The health professionals a citizen may see to do what a campaign recommends ({@code performedBy}
 * in its file): the surfaces name them, so that a dental exam sends the citizen to a dentist.
 */
public enum Professional {
    DOCTOR, PHARMACIST, MIDWIFE, NURSE, DENTIST, RADIOLOGIST, GYNAECOLOGIST, LABORATORY
}
