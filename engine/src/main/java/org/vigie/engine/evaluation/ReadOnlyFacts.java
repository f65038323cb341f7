package org.vigie.engine.evaluation;

import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;

/**
 * Stops a rule that inserts, updates or deletes a fact while rules fire: rules only ever write to
 * {@code out}. Beyond correctness this keeps campaigns apart: campaigns evaluated in one session
 * could otherwise pass facts to each other. Only the engine changes the session, between firings.
 */
final class ReadOnlyFacts extends DefaultRuleRuntimeEventListener {

    private boolean firing;

    void firing(boolean firing) {
        this.firing = firing;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        refuse(event.getRule(), "inserted", event.getObject());
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        refuse(event.getRule(), "updated", event.getObject());
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        refuse(event.getRule(), "deleted", event.getOldObject());
    }

    private void refuse(org.kie.api.definition.rule.Rule rule, String what, Object fact) {
        if (firing) {
            throw new IllegalStateException("rule '" + (rule == null ? "?" : rule.getName()) + "' " + what + " a fact ("
                    + (fact == null ? "?" : fact.getClass().getSimpleName())
                    + "): rules never change facts, they only call out.due(...)");
        }
    }
}
