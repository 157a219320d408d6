package io.ferbench.backend.reference;

/** Copies runs of whole channels between batches of the same height and width, sample by sample. */
final class Channels {
    private Channels() {}

    /** {@code count} channels of {@code from} starting at {@code fromChannel} into {@code to} at {@code toChannel}. */
    static void copy(Activation from, int fromChannel, Activation to, int toChannel, int count) {
        for (int i = 0; i < from.n(); i++) {
            System.arraycopy(from.data(), from.offset(i, fromChannel), to.data(), to.offset(i, toChannel),
                    count * from.plane());
        }
    }
}
