package io.ferbench.suite;

import io.ferbench.api.data.DatasetKind;
import io.ferbench.api.names.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The class lists a suite may give, checked when it is validated rather than once per cell in the workers: at least
 * two classes (one cannot be classified), and for a kind that draws its images only classes it can draw. Names match
 * ignoring case, as the datasets match class folders.
 */
final class ClassRules {
    static final int MIN_CLASSES = 2;

    private ClassRules() {}

    /** What is wrong with {@code classes} (an empty list means "all the data has" and is fine). */
    static List<String> problems(DatasetKind kind, List<String> classes) {
        List<String> problems = new ArrayList<>();
        if (classes.size() == 1) {
            problems.add("a dataset needs at least " + MIN_CLASSES + " classes to classify, got only '"
                    + classes.get(0) + "'");
        }
        List<String> drawable = kind == null ? List.of() : kind.drawableClasses();
        if (drawable.isEmpty()) return problems;
        List<String> keys = drawable.stream().map(ClassRules::key).toList();
        for (String name : classes) {
            if (!keys.contains(key(name))) {
                problems.add(kind.id() + " datasets cannot have class '" + name + "'" + DidYouMean.hint(key(name),
                        drawable) + " (they have: " + String.join(", ", drawable) + ")");
            }
        }
        return problems;
    }

    /** Classes of {@code subset} that {@code available} (a dataset's own list) lacks. */
    static List<String> missing(List<String> subset, List<String> available) {
        List<String> keys = available.stream().map(ClassRules::key).toList();
        return subset.stream().filter(name -> !keys.contains(key(name))).toList();
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }
}
