"""The import queue kept in the archive, and the stages that work it off (issue 15).

`enqueue` records a batch before any work starts; `resume` hands back what a stopped process
left; `download_job`, the analyser (`analyse_fetched` in core.analyser's workers) and
`store_job` are the three stages; `run_batch` chains them for the CLI.
"""

from desktop.core.batch.jobs import (CANCELLED, DONE, FAILED, QUEUED, RUNNING, Job, cancel_jobs, enqueue,
                                     enqueue_capture, fail_job, release_jobs, resume, retry_failed,
                                     start_jobs)
from desktop.core.batch.progress import Progress
from desktop.core.batch.reasons import reason_group
from desktop.core.batch.status import STOPPED, QueueStatus, clear_finished, failed_jobs, queue_status, write_failed
from desktop.core.batch.work import (Analysed, Fetched, Known, Listed, analyse_fetched, download_job, expand_job,
                                     run_export, store_job)

__all__ = ["CANCELLED", "DONE", "FAILED", "QUEUED", "RUNNING", "STOPPED", "Analysed", "Fetched", "Job", "Known",
           "Listed", "Progress", "QueueStatus", "analyse_fetched", "cancel_jobs", "clear_finished",
           "download_job", "enqueue", "enqueue_capture", "expand_job", "fail_job", "failed_jobs",
           "queue_status", "reason_group", "release_jobs", "resume", "retry_failed", "run_export",
           "start_jobs", "store_job", "write_failed"]
