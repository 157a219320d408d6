package io.ferbench.worker.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ferbench.api.result.EnvironmentInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentProbeTest {

    @Test
    void readsTheCpuModelFromCpuinfo() {
        List<String> x86 = List.of("processor\t: 0", "vendor_id\t: GenuineIntel",
                "model name\t: Intel(R) Xeon(R)   Platinum 8375C CPU @ 2.90GHz", "flags\t\t: fpu");
        assertEquals("Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz", EnvironmentProbe.cpuModel(x86));
        assertNull(EnvironmentProbe.cpuModel(List.of("processor : 0", "BogoMIPS : 50.00")));
    }

    @Test
    void namesTheGpusTheNvidiaDriverLists(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals(List.of(), EnvironmentProbe.gpus(dir.resolve("absent")));
        for (String bus : List.of("0000:3b:00.0", "0000:1a:00.0")) {
            Files.createDirectories(dir.resolve(bus));
        }
        // the driver's format: "Model:" then tabs, then the name
        Files.writeString(dir.resolve("0000:3b:00.0/information"), "Model: \t\t NVIDIA H100 80GB HBM3\nIRQ:   \t\t 42\n");
        Files.writeString(dir.resolve("0000:1a:00.0/information"), "Model: \t\t NVIDIA A100-SXM4-40GB\n");
        assertEquals(List.of("NVIDIA A100-SXM4-40GB", "NVIDIA H100 80GB HBM3"), EnvironmentProbe.gpus(dir));
    }

    @Test
    void describesThisMachine() {
        EnvironmentInfo info = EnvironmentProbe.capture(4);
        assertTrue(info.logicalCores() >= 1);
        assertTrue(info.jvm().contains(System.getProperty("java.version").split("\\.")[0]), info.jvm());
        assertEquals("4", info.threadSettings().get("requested_threads"));
        assertNull(info.backend());
        if (Files.isReadable(Path.of("/proc/cpuinfo"))) assertTrue(info.memoryMb() > 0);
    }

    @Test
    void readsResidentMemoryFromProcStatus() {
        List<String> status = List.of("Name:\tjava", "VmHWM:\t  2097152 kB", "VmRSS:\t  1048576 kB");
        assertEquals(2048.0, ProcessMemory.parse(status, "VmHWM:"));
        assertEquals(1024.0, ProcessMemory.parse(status, "VmRSS:"));
        assertNull(ProcessMemory.parse(status, "VmSwap:"));
        if (Files.isReadable(Path.of("/proc/self/status"))) {
            assertTrue(ProcessMemory.peakResidentMb() >= ProcessMemory.residentMb() * 0.5);
            assertTrue(ProcessMemory.residentMb() > 10);
        }
    }
}
