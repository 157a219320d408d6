package io.ferbench.api.backend;

import io.ferbench.api.cell.Device;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * What a backend is, read from its {@value #FILE} without loading the backend (no native library, no class of
 * it): its id, its name, the devices it can use, the settings a suite may give it (with types and defaults), and
 * the environment its worker JVM needs. Each backend carries one, in its jar at {@value #RESOURCE} and beside its
 * jars in the distribution ({@code backends/<id>/backend.properties}); the coordinator builds its list of backends,
 * their suggestions and the checks of {@code backend_settings:} from these alone.
 *
 * @param id                stable id suites use ({@code djl})
 * @param name              what people call it ({@code Deep Java Library (PyTorch engine)})
 * @param order             where it comes in listings (and the first is the matrix's default backend)
 * @param devices           the devices it can run on ({@link Device#AUTO} is always allowed)
 * @param settings          the {@code backend_settings:} keys it accepts
 * @param environment       environment variables its worker needs; {@value #CACHE_PLACEHOLDER} is replaced by
 *                          ferbench's cache folder
 * @param systemProperties  JVM system properties its worker needs, with the same placeholder
 * @param requires          classes of the engine the backend needs: where its jar is on a classpath without them (a
 *                          test, an IDE), the backend is known but not installed
 */
public record BackendDescriptor(String id, String name, int order, List<Device> devices, List<Setting> settings,
                                Map<String, String> environment, Map<String, String> systemProperties,
                                List<String> requires) {
    /** The descriptor's file name. */
    public static final String FILE = "backend.properties";
    /** Where a backend's jar holds it. */
    public static final String RESOURCE = "META-INF/ferbench/" + FILE;
    /** Replaced in environment values and system properties by the cache folder. */
    public static final String CACHE_PLACEHOLDER = "{cache}";

    public BackendDescriptor {
        devices = List.copyOf(devices);
        settings = List.copyOf(settings);
        environment = Map.copyOf(environment);
        systemProperties = Map.copyOf(systemProperties);
        requires = List.copyOf(requires);
    }

    /** Whether every class it {@link #requires()} is on {@code loader}'s classpath (looked up, never loaded). */
    public boolean enginePresent(ClassLoader loader) {
        return requires.stream().allMatch(c -> loader.getResource(c.replace('.', '/') + ".class") != null);
    }

    /** {@code djl (Deep Java Library (PyTorch engine))}: how messages name it. */
    public String label() {
        return name.equals(id) ? id : id + " (" + name + ")";
    }

    /** A key of {@code backend_settings:}. */
    public record Setting(String name, Type type, Integer min, String defaultValue, String description) {
        /** The values a setting takes. */
        public enum Type {
            INTEGER, BOOLEAN, TEXT;

            @Override
            public String toString() { return name().toLowerCase(Locale.ROOT); }
        }

        /** Why {@code value} is not valid for this setting ({@code must be true or false, got 'yes'}), or null. */
        public String problem(String value) {
            String v = value == null ? "" : value.trim();
            return switch (type) {
                case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null
                        : "must be true or false, got '" + v + "'";
                case INTEGER -> {
                    String expected = "must be a whole number" + (min == null ? "" : " >= " + min) + ", got '" + v
                            + "'";
                    try {
                        yield min != null && Integer.parseInt(v) < min ? expected : null;
                    } catch (NumberFormatException e) {
                        yield expected;
                    }
                }
                case TEXT -> null;
            };
        }
    }

    public List<String> settingNames() {
        return settings.stream().map(Setting::name).toList();
    }

    /** The worker's environment and system properties with the cache folder filled in. */
    public Map<String, String> environmentFor(Path cache) {
        return withCache(environment, cache);
    }

    public Map<String, String> systemPropertiesFor(Path cache) {
        return withCache(systemProperties, cache);
    }

    private static Map<String, String> withCache(Map<String, String> values, Path cache) {
        Map<String, String> out = new LinkedHashMap<>();
        new TreeSet<>(values.keySet()).forEach(k -> out.put(k, values.get(k).replace(CACHE_PLACEHOLDER,
                cache.toAbsolutePath().toString())));
        return out;
    }

    /** The descriptor in the jar (or classes folder) that holds {@code backendClass}: a backend reads its own. */
    public static BackendDescriptor of(Class<?> backendClass) {
        String location = String.valueOf(backendClass.getProtectionDomain().getCodeSource().getLocation());
        try {
            for (URL url : java.util.Collections.list(backendClass.getClassLoader().getResources(RESOURCE))) {
                if (url.toString().contains(location)) return read(url);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list backend descriptors: " + e.getMessage(), e);
        }
        throw new IllegalStateException(location + " holds no " + RESOURCE + " for " + backendClass.getName());
    }

    public java.util.Optional<Setting> setting(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Reads a descriptor file. */
    public static BackendDescriptor read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read backend descriptor " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a descriptor from a jar or folder on a classpath. */
    public static BackendDescriptor read(URL resource) {
        try (InputStream in = resource.openStream()) {
            return parse(in, resource.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read backend descriptor " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the properties format: {@code id}, {@code name}, {@code order}, {@code devices} and {@code requires}
     * (comma-separated),
     * {@code setting.<key>.type|min|default|description}, {@code env.<VARIABLE>}, {@code property.<name>}.
     *
     * @throws IllegalArgumentException naming {@code source} and the key when the file is incomplete or malformed
     */
    static BackendDescriptor parse(InputStream in, String source) throws IOException {
        Properties p = new Properties();
        p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        String id = required(p, "id", source);
        if (!id.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException(source + ": id '" + id + "' must be lower-case letters, digits, _ or -");
        }
        int order;
        try {
            order = Integer.parseInt(p.getProperty("order", "100").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": order '" + p.getProperty("order") + "' is not a number");
        }
        List<Device> devices = new ArrayList<>();
        for (String d : p.getProperty("devices", "cpu").split(",")) {
            try {
                devices.add(Device.of(d.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": devices: " + e.getMessage());
            }
        }
        Map<String, String> env = new LinkedHashMap<>();
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, Map<String, String>> settingParts = new LinkedHashMap<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).trim();
            if (key.startsWith("env.")) {
                env.put(key.substring(4), value);
            } else if (key.startsWith("property.")) {
                properties.put(key.substring(9), value);
            } else if (key.startsWith("setting.")) {
                int dot = key.lastIndexOf('.');
                if (dot <= 8) {
                    throw new IllegalArgumentException(source + ": '" + key + "' should be setting.<name>.<part>");
                }
                settingParts.computeIfAbsent(key.substring(8, dot), k -> new LinkedHashMap<>())
                        .put(key.substring(dot + 1), value);
            } else if (!List.of("id", "name", "order", "devices", "requires").contains(key)) {
                throw new IllegalArgumentException(source + ": unknown key '" + key + "'; valid keys are id, name, "
                        + "order, devices, requires, setting.<name>.type|min|default|description, env.<VARIABLE>, "
                        + "property.<name>");
            }
        }
        List<Setting> settings = new ArrayList<>();
        settingParts.forEach((name, parts) -> settings.add(setting(name, parts, source)));
        List<String> requires = Arrays.stream(p.getProperty("requires", "").split(",")).map(String::trim)
                .filter(c -> !c.isEmpty()).toList();
        return new BackendDescriptor(id, p.getProperty("name", id).trim(), order, devices, settings, env, properties,
                requires);
    }

    private static Setting setting(String name, Map<String, String> parts, String source) {
        String where = source + ": setting." + name;
        for (String part : parts.keySet()) {
            if (!List.of("type", "min", "default", "description").contains(part)) {
                throw new IllegalArgumentException(where + "." + part + " is unknown; valid parts are type, min, "
                        + "default, description");
            }
        }
        String typeName = parts.getOrDefault("type", "text");
        Setting.Type type = Arrays.stream(Setting.Type.values()).filter(t -> t.toString().equals(typeName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(where + ".type '" + typeName + "' is not one of "
                        + Arrays.toString(Setting.Type.values())));
        Integer min = null;
        if (parts.containsKey("min")) {
            try {
                min = Integer.valueOf(parts.get("min"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + ".min '" + parts.get("min") + "' is not a whole number");
            }
        }
        Setting setting = new Setting(name, type, min, parts.get("default"), parts.getOrDefault("description", ""));
        if (setting.defaultValue() != null && setting.problem(setting.defaultValue()) != null) {
            throw new IllegalArgumentException(where + ".default: " + setting.problem(setting.defaultValue()));
        }
        return setting;
    }

    private static String required(Properties p, String key, String source) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) throw new IllegalArgumentException(source + ": missing '" + key + "'");
        return value.trim();
    }
}
