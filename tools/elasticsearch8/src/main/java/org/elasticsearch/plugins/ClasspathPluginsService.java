package org.elasticsearch.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.elasticsearch.Build;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.jdk.ModuleQualifiedExportsService;

/** The plugins of a node run from jars on the classpath: the classes given, no plugin or module folder read. */
public final class ClasspathPluginsService extends PluginsService {
    private final List<LoadedPlugin> classpathPlugins;

    public ClasspathPluginsService(Settings settings, Environment environment, Collection<Class<? extends Plugin>> classes) {
        super(settings, environment.configFile(), null, null);
        List<LoadedPlugin> loaded = new ArrayList<>();
        for (Class<? extends Plugin> type : classes) {
            Plugin plugin = loadPlugin(type, settings, environment.configFile());
            PluginDescriptor descriptor = new PluginDescriptor(type.getName(), "classpath plugin", "NA", Build.current().version(),
                "17", type.getName(), null, List.of(), false, false, false, false);
            loaded.add(new LoadedPlugin(descriptor, plugin));
        }
        loadExtensions(loaded);
        this.classpathPlugins = List.copyOf(loaded);
    }

    @Override
    protected void addServerExportsService(Map<String, List<ModuleQualifiedExportsService>> qualifiedExports) {
        // The server runs from the classpath, not as a module: it has no qualified exports to offer.
    }

    @Override
    protected List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }
}
