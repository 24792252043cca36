package portal.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * What the launchers of tools/ (OpenSearch, Elasticsearch 7.17 and 8.x) share, written on the JDK alone so that each
 * compiles it against its own engine: the settings of a test node, and its life once built.
 */
public final class NodeServe {
    private NodeServe() {}

    /** Starting the node, which may fail. */
    public interface Start {
        void run() throws Exception;
    }

    /**
     * A node alone on 127.0.0.1: HTTP on the port given, data and logs under the folder given, any transport port,
     * single-node discovery. A developer's full disk must not turn the index read-only in the middle of a test run.
     */
    public static Map<String, String> settings(String nodeName, int httpPort, Path home) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("cluster.name", "portal-test");
        settings.put("node.name", nodeName);
        settings.put("path.home", home.toString());
        settings.put("path.data", home.resolve("data").toString());
        settings.put("path.logs", home.resolve("logs").toString());
        settings.put("network.host", "127.0.0.1");
        settings.put("http.port", Integer.toString(httpPort));
        settings.put("transport.port", "0");
        settings.put("http.type", "netty4");
        settings.put("transport.type", "netty4");
        settings.put("discovery.type", "single-node");
        settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
        return settings;
    }

    /** Start the node, say so on stdout, and serve until SIGTERM, which closes it (its shards closed cleanly). */
    public static void serve(AutoCloseable node, Start start, String started) throws Exception {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
            } catch (Exception error) {
                error.printStackTrace();
            } finally {
                stopped.countDown();
            }
        }));
        start.run();
        System.out.println(started);
        System.out.flush();
        stopped.await();
    }
}
