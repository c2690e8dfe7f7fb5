package dev.kept;

import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The one place that decides which adapters load (see {@link KeptMode}). {@link KeptApplication}'s
 * own scan leaves the adapter packages out; each is scanned here only when it is on.
 */
final class Adapters {

    private Adapters() {
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(KeptMode.SlackOn.class)
    @ComponentScan(basePackages = "dev.kept.slack",
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class Slack {
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(KeptMode.TeamsOn.class)
    @ComponentScan(basePackages = "dev.kept.teams",
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class Teams {
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(KeptMode.PlaygroundOn.class)
    @ComponentScan(basePackages = "dev.kept.playground",
            excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
    static class Playground {
    }
}
