package io.quotegraph.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The images the manifests run are the ones the build makes: quarkus-container-image-jib names them
 * {@code [registry/]<quarkus.container-image.group>/<quarkus.container-image.name>:<project version>}.
 */
class ImageBuildTest {

    static Stream<String> services() {
        return Project.SERVICES.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void eachServiceBuildsItsImageWithJibOnRequestOnly(String module) {
        Project.Service app = Project.service(module);
        assertThat(Project.read(app.pom())).contains("<artifactId>quarkus-container-image-jib</artifactId>");
        assertThat(app.property("quarkus.container-image.build")).as("no image build in a plain mvn verify").isEqualTo("false");
        assertThat(app.property("quarkus.container-image.group")).isEqualTo("quotegraph");
        assertThat(app.property("quarkus.container-image.name")).isEqualTo(module);
        assertThat(app.properties().getProperty("quarkus.container-image.tag"))
                .as("the tag is the project version (Quarkus' default)").isNull();
    }

    @ParameterizedTest
    @MethodSource("services")
    void theBaseRunsTheImageTheBuildNames(String module) {
        assertThat(image("base", module)).isEqualTo(expectedImage(module));
    }

    @ParameterizedTest
    @MethodSource("services")
    void overlaysOnlyAddARegistry(String module) {
        for (String overlay : Project.OVERLAYS) {
            String image = image(overlay, module);
            assertThat(image).as(overlay).endsWith(expectedImage(module));
            String registry = image.substring(0, image.length() - expectedImage(module).length());
            assertThat(registry).as(overlay + " registry prefix of " + image).matches("(|[a-z0-9.-]+(:\\d+)?/)");
        }
    }

    @Test
    void theReadmeGivesTheImageBuildCommand() {
        String readme = Project.read(Project.DEPLOY.resolve("README.md"));
        assertThat(readme).contains("-Dquarkus.container-image.build=true", "-Dquarkus.container-image.push=true",
                "-Dquarkus.container-image.registry=");
        for (String module : Project.SERVICES) {
            assertThat(readme).contains("quotegraph/" + module + ":");
        }
    }

    private static String expectedImage(String module) {
        Project.Service app = Project.service(module);
        return app.property("quarkus.container-image.group") + "/" + app.property("quarkus.container-image.name")
                + ":" + Project.VERSION;
    }

    private static String image(String overlay, String module) {
        return ServicesMatchApplicationsTest.mainContainer(Objects.of(overlay), module).getImage();
    }
}
