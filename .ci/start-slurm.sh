#!/usr/bin/env bash
# Starts a real single-node Slurm on this machine for the scale-out tests (docs/scale-out.md): munge, slurmctld and
# slurmd with a localhost slurm.conf under $FERBENCH_SLURM_DIR (default /tmp/ferbench-slurm). Needs root and Debian's
# slurm-wlm and munge packages. No cgroups are needed (proctrack/linuxproc); accounting is off, so the tests read
# Slurm's own record with `scontrol show job`. Idempotent: daemons already running are left alone.
set -euo pipefail
DIR="${FERBENCH_SLURM_DIR:-/tmp/ferbench-slurm}"
mkdir -p "$DIR/state" "$DIR/slurmd" /etc/slurm
CPUS="$(nproc)"
# leave a quarter of the memory to the system
MEM_MB="$(awk '/MemTotal/ {printf "%d", $2 / 1024 * 3 / 4}' /proc/meminfo)"
cat > /etc/slurm/slurm.conf <<CONF
ClusterName=local
SlurmctldHost=localhost
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SlurmUser=root
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=none
MinJobAge=3600
KillWait=10
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmdSpoolDir=$DIR/slurmd
StateSaveLocation=$DIR/state
SlurmctldLogFile=$DIR/slurmctld.log
SlurmdLogFile=$DIR/slurmd.log
NodeName=localhost CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
running() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  mkdir -p /run/munge && chown munge:munge /run/munge 2>/dev/null || true
  munged --force
fi
running "$DIR/slurmctld.pid" || slurmctld
running "$DIR/slurmd.pid" || slurmd
for _ in $(seq 1 60); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qx 'idle'; then
    echo "slurm: node localhost idle ($CPUS CPUs, $MEM_MB MiB), logs in $DIR"
    exit 0
  fi
  sleep 1
done
echo "slurm: the node did not become idle within 60 s; see $DIR/slurmctld.log and $DIR/slurmd.log" >&2
sinfo >&2 || true
exit 1
