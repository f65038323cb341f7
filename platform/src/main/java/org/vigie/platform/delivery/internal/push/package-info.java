/**
 * The push channel: FCM through firebase-admin, its settings and where it goes; internal to delivery
 * (the bench reaches the sender and its Firebase apps as {@code delivery :: senders}).
 */
package org.vigie.platform.delivery.internal.push;
