package org.vigie.platform.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Load shedding of the API (docs/operations.md, "Capacity of one node"). Health and the
 * API description are never shed: a load balancer must see a busy node as up.
 *
 * @param maxConcurrent requests worked on at once: a few per core for the engine, the database pool's size for reads
 * @param maxWaiting    requests waiting for a turn; one more is refused at once
 * @param maxWait       how long a request may wait for its turn before it is refused
 * @param retryAfter    what a refused client is told to wait ({@code Retry-After}, whole seconds)
 */
@ConfigurationProperties("vigie.http.admission")
record AdmissionSettings(@DefaultValue("true") boolean enabled,
                         @DefaultValue("16") int maxConcurrent,
                         @DefaultValue("64") int maxWaiting,
                         @DefaultValue("250ms") Duration maxWait,
                         @DefaultValue("1s") Duration retryAfter) {
}
