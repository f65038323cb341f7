/** The e-mail channel: pooled SMTP connections; internal to delivery (the bench reaches the sender as {@code delivery :: senders}). */
package org.vigie.platform.delivery.internal.email;
