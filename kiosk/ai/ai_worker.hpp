#pragma once
// The AI stage's worker thread. When the engine asks (Effect::AskAi) it builds the prompt from
// the published View, reports it (AiPrompt), and, unless the kiosk runs in manual mode, asks
// the model and feeds the answer back piece by piece (AiText, AiEnd). It talks to the engine
// only through events; the session never waits for it.
#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/ai/ai_client.hpp"
#include "kiosk/ai/prompt_template.hpp"
#include "kiosk/core/event.hpp"
#include "kiosk/core/view.hpp"

namespace kiosk::ai {

struct WorkerSetup {
    Settings settings;
    std::string key;            // "" when none is needed or none was found
    bool manual = false;        // offer the manual route instead of asking a model
    PromptTemplate prompt;      // in the session's language
    std::string room;
    // Posts an event into the engine's inbox; `arrived` is when its text came off the network.
    std::function<void(Event, Millis arrived)> post;
    std::function<Millis()> now;           // monotonic, for `arrived`
    std::function<void(const std::string&)> log;
};

class AiWorker {
public:
    explicit AiWorker(WorkerSetup setup);
    ~AiWorker();  // cancels what runs and joins
    AiWorker(const AiWorker&) = delete;
    AiWorker& operator=(const AiWorker&) = delete;

    // Any thread: answer the View's current request (view.proposal.request). A request still
    // running is cancelled first.
    void ask(std::shared_ptr<const View> view);
    // Any thread: stop the request in flight.
    void cancel();

private:
    void run();
    void answer(const View& view);

    WorkerSetup m_setup;
    std::optional<AiClient> m_client;
    std::mutex m_mutex;
    std::condition_variable m_wakeup;
    std::shared_ptr<const View> m_job;
    bool m_stopping = false;
    std::atomic<bool> m_cancel{false};
    std::thread m_thread;
};

}  // namespace kiosk::ai
