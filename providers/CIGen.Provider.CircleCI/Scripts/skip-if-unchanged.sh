# Ends the job as a success when its skip marker was found — /tmp/cigen/skip/JOB_marker_found holds `true`: the
# runtime's S3/Redis lookup wrote it, or restore_cache brought it back — and this run may be skipped (JOB_lookup is
# false on a tag run of a job with skip_on_tags: false). Anything else, a marker that could not be read included, runs
# the job. The jobs that require this one run as usual: `halt` is a success.
found=$(cat "/tmp/cigen/skip/${CIGEN_JOB}_marker_found" 2>/dev/null || true)
if [[ $found != true ]]; then
  echo "cigen: no skip marker for these inputs: the job runs"
elif [[ $(cat "/tmp/cigen/skip/${CIGEN_JOB}_lookup") != true ]]; then
  echo "cigen: a tag run: the job runs whatever its marker says (skip_on_tags: false)"
else
  echo "cigen: the inputs of this job are unchanged since it last succeeded; the job ends here"
  circleci-agent step halt
fi
