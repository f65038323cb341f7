package org.vigie.platform.security;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Development accounts exist when {@code vigie.security.dev-accounts} says so, or, when it is not
 * set, on embedded defaults only: a deployment on its own database never ships known passwords
 * by accident.
 */
class DevAccountsEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment().getProperty("vigie.security.dev-accounts"),
                context.getEnvironment().getProperty("spring.datasource.url"));
    }

    static boolean enabled(String devAccounts, String datasourceUrl) {
        if (StringUtils.hasText(devAccounts)) return Boolean.parseBoolean(devAccounts.trim());
        return !StringUtils.hasText(datasourceUrl);
    }
}
