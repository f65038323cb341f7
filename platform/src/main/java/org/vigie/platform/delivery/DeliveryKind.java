package org.vigie.platform.delivery;

/** What a delivery is about. */
public enum DeliveryKind {
    /** A recommendation of personalised prevention was opened: subject to the opt-out and the preferences. */
    RECOMMENDATION,
    /** A {@link org.vigie.platform.citizen.MandatoryNotification}: no preference, no opt-out, no quiet hours. */
    MANDATORY,
    /** The day before an appointment, or the time of a reminder (docs/space-sources.md#agenda). */
    AGENDA_REMINDER,
    /** The one daily e-mail of a holder whose space is open but not activated (docs/space-sources.md#notifications). */
    DIGEST
}
