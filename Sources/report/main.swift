import ReportCLI

ReportCommand.main(arguments: nil)
