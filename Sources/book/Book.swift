import ArgumentParser

@main
struct Book: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds a literate book whose steps run on a Swift microGPT.",
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, TranslationsCommand.self, CleanCommand.self,
                      ServeCommand.self, TrainCommand.self, BenchCommand.self, ExportStepsCommand.self]
    )
}
