package dev.credkit.ob;

import dev.credkit.json.JsonObject;

/**
 * A typed Open Badges 3.0 / CLR 2.0 object. Values are immutable; {@link #toJson()} is the JSON
 * form: for a value read from a document it is that document's object exactly as received
 * (extension properties included), for a built value it is what credkit writes.
 */
public interface ObValue {
    /** The JSON form of this value. */
    JsonObject toJson();
}
