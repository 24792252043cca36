package portal.elasticsearch;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The token filters of the portal's French analyser that Elasticsearch keeps in its analysis-common module, which
 * Maven Central does not carry: elision, lowercase, asciifolding and the light_french stemmer, written on the same
 * Lucene classes that module uses. Only the options the portal's mapping sets are read. The same source serves the
 * 7.17 and the 8.x launchers (tools/elasticsearch8 compiles this folder too): it uses only what both lines share.
 */
public final class FrenchAnalysisPlugin extends Plugin implements AnalysisPlugin {

    private static TokenFilterFactory factory(String name, UnaryOperator<TokenStream> filter) {
        return new TokenFilterFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TokenStream create(TokenStream stream) {
                return filter.apply(stream);
            }
        };
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(
            "elision", (index, environment, name, settings) -> {
                List<String> articles = settings.getAsList("articles");
                CharArraySet set = new CharArraySet(articles, settings.getAsBoolean("articles_case", false));
                return factory(name, stream -> new ElisionFilter(stream, set));
            },
            "lowercase", (index, environment, name, settings) -> factory(name, LowerCaseFilter::new),
            "asciifolding", (index, environment, name, settings) ->
                factory(name, stream -> new ASCIIFoldingFilter(stream, false)),
            "stemmer", (index, environment, name, settings) -> {
                // Also built without settings (for a bare "stemmer" name): light_french is the only one anyway.
                String language = settings.get("language", settings.get("name", "light_french"));
                if (!"light_french".equals(language)) {
                    throw new IllegalArgumentException("only the light_french stemmer is available, not [" + language + "]");
                }
                return factory(name, FrenchLightStemFilter::new);
            }
        );
    }
}
