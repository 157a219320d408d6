# The ferbench image for cluster runs (docs/scale-out.md): the distribution of this checkout on a JRE.
# Build:  docker build -t <registry>/ferbench:<version> .
# Run:    docker run --rm -v /shared/runs:/runs <registry>/ferbench:<version> worker /runs/<suite> --index 0
# Kubernetes runs it as `ferbench worker /runs/<suite> --index $(JOB_COMPLETION_INDEX)` (kubernetes/job.yaml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests package && test -d build/dist/lib

FROM eclipse-temurin:17-jre
# OpenMP spin-waiting slowed PyTorch 10-20x when other processes shared the cores (docs/running.md)
ENV OMP_WAIT_POLICY=PASSIVE \
    FERBENCH_CACHE=/runs/.ferbench-cache
COPY --from=build /src/build/dist /opt/ferbench
WORKDIR /runs
ENTRYPOINT ["java", "-Dferbench.home=/opt/ferbench", "-cp", "/opt/ferbench/lib/*", "io.ferbench.cli.Main"]
CMD ["--help"]
