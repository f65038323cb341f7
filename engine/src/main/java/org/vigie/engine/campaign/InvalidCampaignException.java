package org.vigie.engine.campaign;

/** A campaign file that cannot be used, naming the file and the field at fault. */
public class InvalidCampaignException extends RuntimeException {

    public InvalidCampaignException(String file, String field, String problem) {
        super(file + (field.isEmpty() ? "" : ": " + field) + ": " + problem);
    }
}
