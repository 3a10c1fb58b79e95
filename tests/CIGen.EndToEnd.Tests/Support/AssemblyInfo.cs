// The providers these tests start are scripts run through their #! line, and permissions are Unix file modes.
[assembly: System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
