package org.vigie.platform.delivery;

import org.vigie.platform.citizen.AccountState;
import org.vigie.platform.citizen.Recipients.Recipient;
import org.vigie.platform.recommendation.RecommendationStatus;

/**
 * Whether a delivery may still go to its citizen, decided again just before sending, since any
 * choice may have changed since it was planned (P2, P8): null if it may, else why not.
 */
final class Eligibility {

    private Eligibility() {
    }

    /** What is known at send time of the delivery's subject. */
    record Subject(RecommendationStatus recommendation, boolean agendaEntryUnchanged, boolean somethingNewAwaits,
                   boolean recommendationPlanned) {

        Subject(RecommendationStatus recommendation, boolean agendaEntryUnchanged, boolean somethingNewAwaits) {
            this(recommendation, agendaEntryUnchanged, somethingNewAwaits, false);
        }
    }

    static String refusal(Delivery d, Recipient r, Subject subject) {
        if (r == null) return "the citizen is no longer known";
        if (!r.reachable()) return "the space is " + r.state();
        String channel = channelRefusal(d, r);
        return switch (d.kind()) {
            case MANDATORY -> channel;
            case RECOMMENDATION -> {
                if (r.optedOut()) yield "the holder opted out of personalised prevention";
                if (subject.recommendation() == null) yield "the recommendation no longer exists";
                if (!subject.recommendation().active()) yield "the recommendation is " + subject.recommendation();
                if (subject.recommendationPlanned()) yield "an appointment is booked for the recommendation: no reminder until it has passed";
                if (d.channel() == DeliveryChannel.EMAIL && r.state() != AccountState.ACTIVATED) {
                    yield "the space is not activated: the daily digest tells the holder";
                }
                if (d.channel().preference().isPresent() && !r.wants(d.category(), d.channel().preference().get())) {
                    yield "the holder switched off " + d.category() + " by " + d.channel();
                }
                yield channel;
            }
            case DIGEST -> {
                if (r.optedOut()) yield "the holder opted out of personalised prevention";
                if (r.state() != AccountState.OPEN) yield "the space is " + r.state() + ": no digest";
                if (!r.wantsAnyEmail()) yield "the holder switched off every e-mail";
                if (!subject.somethingNewAwaits()) yield "nothing new awaits in the space";
                yield channel;
            }
            case AGENDA_REMINDER -> {
                if (!subject.agendaEntryUnchanged()) yield "the agenda entry was removed, moved or is no longer scheduled";
                yield channel;
            }
        };
    }

    private static String channelRefusal(Delivery d, Recipient r) {
        return switch (d.channel()) {
            case EMAIL -> r.email() == null || r.email().isBlank() ? "no e-mail address is known" : null;
            case PUSH -> r.devices().isEmpty() ? "no push device is registered" : null;
            case IN_APP -> null;
        };
    }
}
