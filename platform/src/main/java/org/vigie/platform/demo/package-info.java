/**
 * The main job, {@code java -jar vigie.jar demo}: everything on embedded defaults — the embedded
 * PostgreSQL, an embedded SMTP server with a page listing what it received, the local FCM endpoint
 * — a generated population, a sweep of every campaign, delivery, and the server left running.
 */
@ApplicationModule(allowedDependencies = {"cli", "delivery", "population", "sweep"})
package org.vigie.platform.demo;

import org.springframework.modulith.ApplicationModule;
