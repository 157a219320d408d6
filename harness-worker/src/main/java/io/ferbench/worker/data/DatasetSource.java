package io.ferbench.worker.data;

/** One dataset kind's reader: a cheap fingerprint for the cache, and the catalog of its labelled images. */
public interface DatasetSource {
    /** Feeds everything that identifies the source's current content into the cache key, without decoding images. */
    void fingerprint(CacheKey key);

    /** Lists the classes and labelled images; images are decoded later, only those that are used. */
    Catalog catalog();
}
