package org.vigie.platform.ingestion;

/**
 * Why one entry of a bundle (or the bundle as a whole) could not be mapped. {@code entry} is the
 * 0-based index in {@code Bundle.entry}, {@code null} for the bundle as a whole; {@code resource}
 * is {@code Type/id}, or the type alone when the resource has no id.
 */
record BundleProblem(Integer entry, String resource, String reason) {

    static BundleProblem ofBundle(String reason) {
        return new BundleProblem(null, null, reason);
    }

    @Override
    public String toString() {
        if (entry == null) return "bundle: " + reason;
        return "entry[" + entry + "]" + (resource == null ? "" : " " + resource) + ": " + reason;
    }
}
