package io.ferbench.api.cell;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The device a suite asks a cell to run on; {@link #AUTO} uses a GPU when the backend sees one. */
public enum Device {
    AUTO, CPU, GPU;

    /** As suites write it. */
    @Override
    public String toString() { return name().toLowerCase(Locale.ROOT); }

    public static List<String> ids() { return Arrays.stream(values()).map(Device::toString).toList(); }

    public static Device of(String id) { return Enums.of(Device.class, id, "device"); }
}
