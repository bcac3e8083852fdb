#include "kiosk/ai/ai_worker.hpp"

#include "kiosk/ai/prompt_builder.hpp"

#include <utility>

namespace kiosk::ai {

AiWorker::AiWorker(WorkerSetup setup) : m_setup{std::move(setup)} {
    if (!m_setup.manual) m_client.emplace(m_setup.settings, m_setup.key);
    m_thread = std::thread([this] { run(); });
}

AiWorker::~AiWorker() {
    {
        std::lock_guard lock{m_mutex};
        m_stopping = true;
        m_cancel = true;
    }
    m_wakeup.notify_one();
    m_thread.join();
}

void AiWorker::ask(std::shared_ptr<const View> view) {
    {
        std::lock_guard lock{m_mutex};
        m_job = std::move(view);
        m_cancel = true;  // whatever runs now answers an older request
    }
    m_wakeup.notify_one();
}

void AiWorker::cancel() {
    std::lock_guard lock{m_mutex};
    m_job.reset();
    m_cancel = true;
}

void AiWorker::run() {
    std::unique_lock lock{m_mutex};
    for (;;) {
        m_wakeup.wait(lock, [this] { return m_stopping || m_job; });
        if (m_stopping) return;
        const auto job = std::exchange(m_job, nullptr);
        m_cancel = false;
        lock.unlock();
        try {
            answer(*job);
        } catch (const std::exception& error) {
            // Nothing the AI side does may take the kiosk down: the stage shows the failure.
            if (m_setup.log) m_setup.log(std::string{"the AI request failed: "} + error.what());
            m_setup.post({EventKind::AiEnd, Sender::system(), AiEndPayload{job->proposal.request, "error"}}, m_setup.now());
        }
        lock.lock();
    }
}

void AiWorker::answer(const View& view) {
    const int request = view.proposal.request;
    const auto prompt = build_prompt(m_setup.prompt, inputs_from(view, m_setup.room, m_setup.settings.max_words), new_marker());
    const auto model = m_setup.manual ? "" : m_setup.settings.model.empty() ? m_setup.settings.deployment : m_setup.settings.model;
    m_setup.post({EventKind::AiPrompt, Sender::system(), AiPromptPayload{request, prompt.shown, model, prompt.removed}},
                 m_setup.now());
    if (m_setup.manual) return;

    const auto outcome = m_client->ask(
        prompt,
        [&](const std::string& text) {
            m_setup.post({EventKind::AiText, Sender::system(), AiTextPayload{request, text}}, m_setup.now());
        },
        m_cancel);
    if (outcome.failure == "cancelled") return;  // the engine has moved on already
    if (!outcome.complete && m_setup.log)
        m_setup.log("the AI answer ended early (" + outcome.failure + (outcome.detail.empty() ? "" : ": " + outcome.detail) +
                    ", " + std::to_string(outcome.attempts) + " attempt(s))");
    m_setup.post({EventKind::AiEnd, Sender::system(), AiEndPayload{request, outcome.complete ? "" : outcome.failure}},
                 m_setup.now());
}

}  // namespace kiosk::ai
