/**
 * The {@code bench}, {@code bench-sweep} and {@code bench-delivery} commands: throughput figures of the
 * engine, of sweeps on the database and of delivery (e-mail senders, the dispatcher, event to outbox),
 * on a synthetic population; the local SMTP sink the e-mail figure sends to.
 */
@ApplicationModule(allowedDependencies = {"citizen", "cli", "delivery", "delivery::senders", "demo", "evaluation", "population", "recommendation", "sweep"})
package org.vigie.platform.bench;

import org.springframework.modulith.ApplicationModule;
