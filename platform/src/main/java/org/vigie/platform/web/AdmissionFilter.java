package org.vigie.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sheds load past capacity ({@link Admission}): a request that finds no turn gets {@code 503
 * application/problem+json} with {@code Retry-After}, before authentication or anything else costs
 * it a cycle. First of all filters, so that a shed request is the cheapest answer the server gives.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnProperty(name = "vigie.http.admission.enabled", matchIfMissing = true)
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(AdmissionSettings.class)
class AdmissionFilter extends OncePerRequestFilter {

    private final Admission admission;
    private final long retryAfterSeconds;

    AdmissionFilter(AdmissionSettings settings) {
        this.admission = new Admission(settings.maxConcurrent(), settings.maxWaiting(), settings.maxWait());
        this.retryAfterSeconds = Math.max(1, settings.retryAfter().toSeconds());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/health") || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = admission.enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
            ApiProblem.write(response, 503, "overloaded", "Service overloaded",
                    "the server is at capacity; try again in " + retryAfterSeconds + " s", null);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            admission.done();
        }
    }
}
