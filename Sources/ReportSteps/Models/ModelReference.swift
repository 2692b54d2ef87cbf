import ReportEngine

/// Looks up models that `{train}` stored, with errors that list the trained ones.
enum ModelReference {
    static func model(_ id: String, context: StepContext) throws -> TrainedModel {
        if let model = try context.workspace.object(TrainedModel.key(id), as: TrainedModel.self) {
            return model
        }
        let trained = context.workspace.objectKeys(withPrefix: "model:").map { String($0.dropFirst(6)) }
        var notes: [String] = []
        if let near = Suggestion.nearest(to: id, in: trained) { notes.append("did you mean '\(near)'?") }
        notes.append(trained.isEmpty ? "no model has been trained yet: add a {train} directive before this one"
                                     : "trained models: \(trained.joined(separator: ", "))")
        throw context.error("no trained model '\(id)'", notes: notes)
    }

    /// Model ids from a comma-separated argument.
    static func ids(_ argument: String) -> [String] {
        argument.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

import Foundation
