// The servers and scripts these tests run are Unix processes.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
