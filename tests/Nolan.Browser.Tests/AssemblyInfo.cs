// The machine has two cores: one Nolan server and one Chromium at a time keeps the browser tests quick and steady.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
