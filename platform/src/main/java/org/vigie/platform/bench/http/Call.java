package org.vigie.platform.bench.http;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One request of a scenario, named by the endpoint it is counted under, and what follows its
 * response at once (a fact added is removed again, so that the space does not grow during the run).
 */
record Call(String endpoint, Supplier<HttpRequest> request, Function<HttpResponse<String>, Optional<Call>> then) {

    static Call of(String endpoint, Supplier<HttpRequest> request) {
        return new Call(endpoint, request, response -> Optional.empty());
    }

    Call andThen(Function<HttpResponse<String>, Optional<Call>> next) {
        return new Call(endpoint, request, next);
    }
}
