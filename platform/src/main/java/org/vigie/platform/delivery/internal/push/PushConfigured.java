package org.vigie.platform.delivery.internal.push;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the push settings say where to send ({@link PushSettings#target()}). */
class PushConfigured extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        PushSettings.Target target = Binder.get(context.getEnvironment()).bindOrCreate("vigie.push", PushSettings.class).target();
        return new ConditionOutcome(target.sends(), "push target " + target);
    }
}
