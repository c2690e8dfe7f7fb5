package dev.kept;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

import java.util.List;

/**
 * The one place that decides which adapters load (see {@link KeptMode}): the configuration of every
 * {@link Platform} whose settings are given, and the playground when it is on. {@link KeptApplication}'s own
 * scan leaves every adapter package out ({@link NotAnAdapter}); each is scanned by its own configuration, only
 * when it is on. Nothing here names a platform.
 */
@Configuration(proxyBeanMethods = false)
@Import(Adapters.Configured.class)
class Adapters {

    /** Imports the configuration of each platform whose settings are given. */
    static final class Configured implements ImportSelector, EnvironmentAware {
        private Environment env;

        @Override
        public void setEnvironment(Environment environment) {
            this.env = environment;
        }

        @Override
        public String[] selectImports(AnnotationMetadata importingClass) {
            return KeptMode.configured(env).stream().map(p -> p.configuration().getName()).toArray(String[]::new);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(KeptMode.PlaygroundOn.class)
    @ComponentScan(basePackages = "dev.kept.playground",
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class Playground {
    }

    /** Leaves the adapters out of the application's scan: a registered platform's package, and the playground. */
    static final class NotAnAdapter implements TypeFilter {
        /** Read once per scan, not per class scanned. */
        private final List<String> prefixes = java.util.stream.Stream.concat(
                java.util.stream.Stream.of("dev.kept.playground"), Platform.packages().stream()).map(p -> p + ".").toList();

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            String name = reader.getClassMetadata().getClassName();
            return prefixes.stream().anyMatch(name::startsWith);
        }
    }
}
