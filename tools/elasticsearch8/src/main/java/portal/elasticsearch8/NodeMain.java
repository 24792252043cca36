package portal.elasticsearch8;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.node.ClasspathNode;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import portal.elasticsearch.FrenchAnalysisPlugin;
import portal.launcher.NodeServe;

/** One Elasticsearch 8.x node on 127.0.0.1: HTTP on the port given, data under the folder given. */
public final class NodeMain {
    private NodeMain() {}

    public static void main(String[] args) throws Exception {
        int httpPort = Integer.parseInt(args[0]);
        Path home = Path.of(args[1]).toAbsolutePath();
        Settings settings = Settings.builder().loadFromMap(NodeServe.settings("portal-es8-" + httpPort, httpPort, home)).build();
        LogConfigurator.configureESLogging();
        LogConfigurator.configureWithoutConfig(settings);
        Node node = new ClasspathNode(
            InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> settings.get("node.name")),
            List.of(Netty4Plugin.class, FrenchAnalysisPlugin.class, NodeInfoPlugin.class));
        NodeServe.serve(node, node::start, "elasticsearch node started, http 127.0.0.1:" + httpPort);
    }
}
