package org.vigie.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The largest request bodies the API reads: a bulk ingestion is read whole, so its limit bounds
 * the memory one request may take; every other endpoint takes small documents.
 *
 * @param maxBody          any endpoint but ingestion
 * @param maxIngestionBody {@code POST /api/v1/ingestions}
 */
@ConfigurationProperties("vigie.http")
record RequestLimits(@DefaultValue("1MB") DataSize maxBody, @DefaultValue("64MB") DataSize maxIngestionBody) {

    long limitFor(String path) {
        return (path.startsWith("/api/v1/ingestions") ? maxIngestionBody : maxBody).toBytes();
    }
}
